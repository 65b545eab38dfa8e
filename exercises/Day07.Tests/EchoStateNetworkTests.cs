namespace Course.Day07.Tests;

public class EchoStateNetworkTests
{
    [Fact]
    [Trait("Exercise", "7.2")]
    public void The_reservoir_has_the_requested_spectral_radius_and_Predict_returns_one_value_per_input()
    {
        var esn = new EchoStateNetwork(30, 0.9, 0.5, 1.0, new Rng(1));
        var u = Sequences.MackeyGlass(300).Select(v => Math.Tanh(v - 1)).ToArray();

        Linalg.SpectralRadius(esn.Reservoir).Should().BeApproximately(0.9, 1e-9, "W is rescaled to ρ = 0.9 (lesson §7.2)");
        esn.Fit(u[..200], u[1..201], 20, 1e-6);
        esn.Predict(u[200..299]).Should().HaveCount(99);
    }
}
