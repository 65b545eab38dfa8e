// Learner code is float64 throughout: the gradient checks compare against central differences, which need double precision.
global using Course.Engine;
global using Tensor = Course.Engine.Tensor<double>;
global using Parameter = Course.Engine.Parameter<double>;
global using ILayer = Course.Engine.ILayer<double>;
global using ILossLayer = Course.Engine.ILossLayer<double>;
global using IOptimizer = Course.Engine.IOptimizer<double>;
