using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Output;

/// <summary><c>simulate</c>'s answer: the evaluation as indented JSON, or as text guarded for the terminal.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class SimulationPrinter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>, as JSON when <paramref name="json"/>.</summary>
    public static void Write(EvaluationResult result, bool json, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (json)
        {
            writer.Write(EvaluationResultWriter.ToJsonString(result, indented: true));
            writer.Write('\n');
        }
        else
        {
            EvaluationResultWriter.WriteText(result, TerminalTextWriter.Guard(writer, color: false));
        }
    }
}
