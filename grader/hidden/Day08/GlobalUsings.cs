global using Course.Day08;
global using Course.Engine;
global using Course.Engine.Data;
global using Course.Engine.Testing;
global using FluentAssertions;
global using Xunit;
global using Tensor = Course.Engine.Tensor<double>;
global using Parameter = Course.Engine.Parameter<double>;
global using ILayer = Course.Engine.ILayer<double>;
