namespace Course.Technical.Tests;

public class T5DoubleDqnTests
{
    [Fact]
    [Trait("Exercise", "T5.double-dqn")]
    public void Double_dqn_target_has_one_value_per_transition_and_none_bootstrapped_when_done()
    {
        var y = DoubleDqnTarget.Compute([1.0, 2.0], [false, true], Tensor.From([0.0, 0.0, 9.0, 9.0], 2, 2), Tensor.From([0.0, 0.0, 9.0, 9.0], 2, 2), 0.9);
        y.Should().Equal([1.0, 2.0]);
    }
}
