using Course.Engine.Kernels;
using Course.Engine.Kernels.Parallel;

namespace Course.Engine.Tests.Kernels;

/// <summary>The kernels' fork-join: every part runs exactly once, failures reach the caller, nesting cannot deadlock.</summary>
public class CoreTeamTests
{
    [Fact]
    public void Every_part_runs_exactly_once_over_many_back_to_back_jobs()
    {
        for (int job = 0; job < 2000; job++)
        {
            int count = 1 + job % 7;
            var hits = new int[count];
            CoreTeam.For(count, i => Interlocked.Increment(ref hits[i]));
            hits.Should().OnlyContain(h => h == 1, $"job {job} with {count} parts");
        }
    }

    [Fact]
    public void Jobs_after_the_workers_fell_asleep_still_run_every_part()
    {
        for (int job = 0; job < 5; job++)
        {
            Thread.Sleep(5);   // well past the workers' 50 µs of polling
            long sum = 0;
            CoreTeam.For(16, i => Interlocked.Add(ref sum, i));
            sum.Should().Be(120);
        }
    }

    [Fact]
    public void An_exception_in_a_part_reaches_the_caller_after_the_other_parts_finish()
    {
        int finished = 0;
        var act = () => CoreTeam.For(8, i =>
        {
            if (i == 3) throw new InvalidOperationException("part 3 failed");
            Interlocked.Increment(ref finished);
        });
        act.Should().Throw<InvalidOperationException>().WithMessage("part 3 failed");
        finished.Should().Be(7);
        long sum = 0;
        CoreTeam.For(4, i => Interlocked.Add(ref sum, i + 1));
        sum.Should().Be(10, "the team keeps working after a failed job");
    }

    [Fact]
    public void An_inline_call_also_finishes_every_part_before_the_exception_reaches_the_caller()
    {
        // A call from inside a part (or while another thread holds the team) runs inline: same contract.
        int finished = 0;
        Exception? caught = null;
        CoreTeam.For(2, outer =>
        {
            if (outer != 0) return;
            try
            {
                CoreTeam.For(8, i =>
                {
                    if (i == 3) throw new InvalidOperationException("part 3 failed");
                    Interlocked.Increment(ref finished);
                });
            }
            catch (InvalidOperationException e) { caught = e; }
        });

        caught.Should().NotBeNull().And.BeOfType<InvalidOperationException>().Which.Message.Should().Be("part 3 failed");
        finished.Should().Be(7);
    }

    [Fact]
    public void A_call_from_inside_a_part_runs_inline()
    {
        var inner = new int[4 * 3];
        CoreTeam.For(4, i => CoreTeam.For(3, j => Interlocked.Increment(ref inner[i * 3 + j])));
        inner.Should().OnlyContain(h => h == 1);
    }

    [Fact]
    public void Calls_from_several_threads_at_once_all_complete()
    {
        long total = 0;
        Parallel.For(0, 8, _ =>
        {
            for (int job = 0; job < 200; job++) CoreTeam.For(3, i => Interlocked.Add(ref total, i + 1));
        });
        total.Should().Be(8 * 200 * 6);
    }
}
