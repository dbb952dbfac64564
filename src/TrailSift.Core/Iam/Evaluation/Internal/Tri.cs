namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>Three-valued (Kleene) logic: a match can depend on a context key the caller marked unknown.</summary>
internal enum Tri : byte
{
    False = 0,
    True = 1,
    Unknown = 2,
}

/// <summary>Kleene operators over <see cref="Tri"/>. Stateless; thread-safe.</summary>
internal static class TriLogic
{
    public static Tri Of(bool value) => value ? Tri.True : Tri.False;

    public static Tri And(Tri a, Tri b) =>
        a == Tri.False || b == Tri.False ? Tri.False : a == Tri.Unknown || b == Tri.Unknown ? Tri.Unknown : Tri.True;

    public static Tri Or(Tri a, Tri b) =>
        a == Tri.True || b == Tri.True ? Tri.True : a == Tri.Unknown || b == Tri.Unknown ? Tri.Unknown : Tri.False;

    public static Tri Not(Tri a) => a switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };
}
