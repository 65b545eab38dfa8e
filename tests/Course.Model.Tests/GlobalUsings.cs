global using Course.Model;
global using FluentAssertions;
global using Xunit;
