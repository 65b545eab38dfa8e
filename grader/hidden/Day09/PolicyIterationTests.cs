// Kills: D9-M7 (through policy iteration's improvement step); evaluation with max instead of the policy's average;
// improvement not greedy w.r.t. the evaluated V; stopping before the policy is stable.
namespace Course.Day09.Tests;

[Trait("Exercise", "9.4")]
public class PolicyIterationTests
{
    [Fact]
    [Trait("Weight", "4")]
    public void The_random_policy_on_Corners4x4_has_the_Sutton_Barto_values()
    {
        var g = GridWorld.Corners4x4();
        var pi = new double[16, 4];
        for (int s = 0; s < 16; s++) for (int a = 0; a < 4; a++) pi[s, a] = 0.25;

        var v = PolicyIteration.Evaluate(g, pi, 1.0, 1e-10);

        double[] expected = [0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0];
        v.Should().Equal(expected, (a, e) => Math.Abs(a - e) < 1e-6);
    }

    [Fact]
    [Trait("Weight", "2")]
    public void A_deterministic_policy_is_evaluated_exactly()
    {
        // Always Left on the 4×4 grid: the top row reaches the corner, every other row bumps forever except with γ < 1.
        var g = GridWorld.Corners4x4();
        var pi = new double[16, 4];
        for (int s = 0; s < 16; s++) pi[s, 2] = 1.0;

        var v = PolicyIteration.Evaluate(g, pi, 0.5, 1e-12);

        v[g.StateOf(2, 4)].Should().BeApproximately(-1, 1e-9);
        v[g.StateOf(4, 4)].Should().BeApproximately(-1 - 0.5 - 0.25, 1e-9);
        v[g.StateOf(1, 2)].Should().BeApproximately(-2, 1e-9, "bumping the left wall forever: −1/(1 − 0.5)");
    }

    [Theory]
    [Trait("Weight", "2")]
    [InlineData("Aima4x3", 1.0)]
    [InlineData("Aima4x3", 0.9)]
    [InlineData("Corners4x4", 1.0)]
    public void Solve_reaches_the_values_and_policy_of_value_iteration(string grid, double gamma)
    {
        var g = grid == "Aima4x3" ? GridWorld.Aima4x3() : GridWorld.Corners4x4();

        var (v, policy, iterations) = PolicyIteration.Solve(g, gamma, 1e-10);

        var vStar = Reference.OptimalValues(g, gamma);
        v.Should().Equal(vStar, (a, e) => Math.Abs(a - e) < 1e-6);
        Reference.NonOptimalStates(g, gamma, s => policy[s]).Should().BeEmpty();
        policy.Should().Equal(Reference.GreedyPolicy(g, vStar, gamma), "greedy w.r.t. V, ties to the lowest index");
        iterations.Should().BeInRange(2, 10, "the policy is stable after a few improvements");
    }
}
