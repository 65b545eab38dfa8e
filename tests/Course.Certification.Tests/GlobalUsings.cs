global using Course.Certification.Credentials;
global using Course.Certification.Knowledge;
global using FluentAssertions;
global using Xunit;
