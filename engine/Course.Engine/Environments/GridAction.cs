namespace Course.Engine.Environments;

/// <summary>Grid moves, in the order the course's tables use (action index = enum value).</summary>
public enum GridAction
{
    Up = 0,
    Down = 1,
    Left = 2,
    Right = 3,
}
