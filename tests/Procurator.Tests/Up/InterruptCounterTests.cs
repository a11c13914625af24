using Microsoft.Extensions.Time.Testing;
using Procurator.Cli.Commands.Up;

namespace Procurator.Tests.Up;

public sealed class InterruptCounterTests
{
    [Fact]
    public void Two_signals_within_the_echo_window_are_one_ctrl_c()
    {
        var time = new FakeTimeProvider();
        var counter = new InterruptCounter(time);

        var first = counter.Next();
        time.Advance(TimeSpan.FromMilliseconds(199));
        var second = counter.Next();

        Assert.Equal((Interrupt.Stop, Interrupt.Echo), (first, second));
        Assert.True(counter.Received);
    }

    [Fact]
    public void A_signal_after_the_echo_window_is_a_second_ctrl_c_and_kills()
    {
        var time = new FakeTimeProvider();
        var counter = new InterruptCounter(time);

        counter.Next();
        time.Advance(InterruptCounter.Echo);
        var second = counter.Next();
        var third = counter.Next();

        Assert.Equal((Interrupt.Kill, Interrupt.Kill), (second, third));
    }

    [Fact]
    public void No_signal_means_not_received()
    {
        Assert.False(new InterruptCounter(new FakeTimeProvider()).Received);
    }
}
