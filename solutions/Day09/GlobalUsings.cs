// Learner code is float64 throughout: the gradient checks need it.
global using Course.Engine;
global using Course.Engine.Environments;
global using Tensor = Course.Engine.Tensor<double>;
global using Parameter = Course.Engine.Parameter<double>;
global using ILayer = Course.Engine.ILayer<double>;
global using IOptimizer = Course.Engine.IOptimizer<double>;
