global using Course.Day09;
global using Course.Engine;
global using Course.Engine.Environments;
global using Course.Engine.Testing;
global using FluentAssertions;
global using Xunit;
global using Tensor = Course.Engine.Tensor<double>;
global using Parameter = Course.Engine.Parameter<double>;
global using IOptimizer = Course.Engine.IOptimizer<double>;
