namespace TrailSift.Core.Tests.Query;

/// <summary>Runs <see cref="FastConditionDifferentialTests"/> with no other test in parallel.</summary>
[CollectionDefinition(FastConditionDifferentialTests.Name, DisableParallelization = true)]
public sealed class FastConditionDifferentialCollection;
