global using FluentAssertions;
global using Xunit;
global using Course.Engine;
global using Course.Engine.Layers;
global using Course.Engine.Testing;
