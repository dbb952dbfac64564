using TrailSift.Core.Events;
using TrailSift.Core.Query.Evaluation;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Running;
using TrailSift.Core.Query.Shortcuts;

namespace TrailSift.Core.Query;

/*! Query: what `query`, `count` and `denied` do with a filter. Every filter is jq (jq 1.7.1, the engine in
    Jq/). A filter that mentions .Records or reads input/inputs is a jq program over each document; the shape
    `.Records[] | F` streams F per event. Any other filter is a per-event condition. The in-place evaluator
    (Syntax/, Binder, Evaluation/) is kept as a fast path for the conditions it computes exactly as jq 1.7.1
    (FastCondition), with its sound raw-bytes Prefilter. May depend on Events and the BCL only. */

/// <summary>
/// A parsed filter and how it runs (<see cref="FilterMode"/>). A bare filter that can only be a projection
/// (<c>.eventName</c>, <c>{…}</c>) is refused with both spellings: <c>.Records[] | F</c> to print it, a condition to select.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class EventFilter
{
    private EventFilter(string text, FilterMode mode, IEventPredicate predicate, JqProgram? program, JqProgram? perEvent, bool usesInputs)
    {
        Text = text;
        Mode = mode;
        Predicate = predicate;
        Program = program;
        PerEvent = perEvent;
        UsesInputs = usesInputs;
    }

    /// <summary>The filter that selects every event.</summary>
    public static EventFilter All { get; } = new(".", FilterMode.Condition, AllOfPredicate.MatchAll, null, null, false);

    /// <summary>The filter text as given.</summary>
    public string Text { get; }

    /// <summary>Condition or jq program.</summary>
    public FilterMode Mode { get; }

    /// <summary>
    /// For a condition, the events it selects. For a streamed program, the events that can make <see cref="PerEvent"/>
    /// produce an output or an error (the rest are skipped unread); for a per-document program, every event.
    /// </summary>
    public IEventPredicate Predicate { get; }

    /// <summary>The whole jq program (<see cref="FilterMode.Program"/> only).</summary>
    public JqProgram? Program { get; }

    /// <summary>For the streamable shape <c>.Records[] | F</c>, the program <c>F</c> run on each event; null when the program needs whole documents.</summary>
    public JqProgram? PerEvent { get; }

    /// <summary>The event members <see cref="PerEvent"/> reads (null: the whole event); only these are built as jq values.</summary>
    internal InputKeys? PerEventKeys { get; private init; }

    /// <summary>The syntax tree of <see cref="PerEvent"/> (null when there is none).</summary>
    internal JqAst? PerEventAst { get; private init; }

    /// <summary>True when the program reads <c>input</c>/<c>inputs</c>.</summary>
    public bool UsesInputs { get; }

    /// <summary>
    /// Makes an event whose evaluation goes over its budget (steps, memory, a regex timeout) a reported problem of that
    /// event (<paramref name="report"/> gets the path and the reason; thread-safe), after which the scan goes on with the
    /// next event, instead of an input problem that ends the file.
    /// </summary>
    public void ReportEventProblems(Action<string, string> report)
    {
        switch (Predicate)
        {
            case ConditionPredicate c:
                c.Problems.Report = report;
                break;
            case CandidatePredicate c:
                c.Problems.Report = report;
                break;
        }
    }

    /// <summary>True when a condition is evaluated in place (no value built per event).</summary>
    public bool InPlace => Predicate is ConditionPredicate { InPlace: true } || ReferenceEquals(Predicate, AllOfPredicate.MatchAll);

    /// <summary>
    /// Parses <paramref name="text"/>: a jq program when it mentions <c>.Records</c>, reads <c>input</c>/<c>inputs</c>,
    /// or <paramref name="program"/> is set (<c>--jq</c>); else a per-event condition. Never throws for bad input.
    /// </summary>
    public static EventFilterParseResult Parse(string text, bool program = false) =>
        JqLargeStack.Run(() => ParseOnLargeStack(text, program)); // long chains recurse in the parser, compiler and shape analyses

    private static EventFilterParseResult ParseOnLargeStack(string text, bool program)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!program && text.Trim() is "" or ".")
        {
            return EventFilterParseResult.Ok(All);
        }

        JqAst ast;
        try
        {
            ast = JqParser.Parse(text);
        }
        catch (JqParseException e)
        {
            return EventFilterParseResult.Fail("invalid filter\n" + e.Render(text));
        }
        catch (InsufficientExecutionStackException)
        {
            return EventFilterParseResult.Fail("invalid filter: nested too deeply");
        }

        bool usesInputs = FilterShape.UsesInputs(ast);
        if (program || usesInputs || FilterShape.MentionsRecords(ast) || FilterShape.PerEventPart(ast) is not null)
        {
            return ProgramOf(text, ast, usesInputs);
        }

        if (FilterShape.IsProjection(ast))
        {
            return EventFilterParseResult.Fail(
                $"'{text}' is a projection, not a condition on events. To print it for each event (jq output), write "
                + $"'.Records[] | {text}'; to select the events where it is true or set, write 'select({text})' or a comparison such as '{text} != null'");
        }

        return Compile(text, () => EventFilterParseResult.Ok(new EventFilter(text, FilterMode.Condition, ConditionOf(text), null, null, false)));
    }

    /// <summary>
    /// Parses a filter for a command that selects events (<c>count</c>, <c>denied</c>, the other analyses): a condition,
    /// or a jq program of the shape <c>.Records[] | select(C1) | select(C2)…</c>, read as the condition <c>select(C1) | select(C2)…</c>.
    /// Any other program is refused: these commands select events, they do not print jq outputs.
    /// </summary>
    public static EventFilterParseResult ParseCondition(string text) => JqLargeStack.Run(() => ParseConditionOnLargeStack(text));

    private static EventFilterParseResult ParseConditionOnLargeStack(string text)
    {
        EventFilterParseResult parsed = ParseOnLargeStack(text, false);
        if (!parsed.Success || parsed.Filter!.Mode == FilterMode.Condition)
        {
            return parsed;
        }

        JqAst? f = parsed.Filter.UsesInputs ? null : FilterShape.PerEventPart(JqParser.Parse(text));
        if (f is null || !FilterShape.IsSelectChain(f))
        {
            return EventFilterParseResult.Fail(
                $"'{text}' is a jq program, not a condition on events: this command selects events, so give a condition "
                + "such as 'select(.errorCode)' or '.Records[] | select(…)'; print jq outputs with 'trailsift query'");
        }

        string condition = f.ToString();
        return condition == "."
            ? EventFilterParseResult.Ok(All)
            : EventFilterParseResult.Ok(new EventFilter(text, FilterMode.Condition, ConditionOf(condition), null, null, false));
    }

    /// <summary>The condition <paramref name="text"/> (already known to parse) as a predicate.</summary>
    internal static IEventPredicate ConditionOf(string text) =>
        new ConditionPredicate(JqProgram.Compile(text), FastCondition.TryCompile(text), FastCondition.PrefilterOf(text)) { Keys = InputKeys.Of(JqParser.Parse(text)) };

    private static EventFilterParseResult ProgramOf(string text, JqAst ast, bool usesInputs) => Compile(text, () =>
    {
        JqProgram whole = JqProgram.Compile(text);
        JqAst? f = usesInputs ? null : FilterShape.PerEventPart(ast);
        if (f is null)
        {
            return EventFilterParseResult.Ok(new EventFilter(text, FilterMode.Program, AllOfPredicate.MatchAll, whole, null, usesInputs));
        }

        var selects = new List<QNode>();
        var errorFree = new List<string>();
        bool prefixErrorFree = true;
        foreach (JqAst c in FilterShape.LeadingSelects(f))
        {
            string condition = c.ToString();
            if (FastCondition.TryCompile(condition) is not QNode node)
            {
                break;
            }

            selects.Add(node);
            prefixErrorFree &= FastCondition.CannotFail(condition);
            if (prefixErrorFree)
            {
                errorFree.Add("select(" + condition + ")");
            }
        }

        Prefilter? prefilter = errorFree.Count == 0 ? null : FastCondition.PrefilterOf(string.Join(" | ", errorFree));
        var candidates = new CandidatePredicate([.. selects], prefilter);
        return EventFilterParseResult.Ok(new EventFilter(text, FilterMode.Program, candidates, whole, JqProgram.FromAst(f), false)
        {
            PerEventKeys = InputKeys.Of(f),
            PerEventAst = f,
        });
    });

    private static EventFilterParseResult Compile(string text, Func<EventFilterParseResult> build)
    {
        try
        {
            return build();
        }
        catch (JqParseException e)
        {
            return EventFilterParseResult.Fail("invalid filter\n" + e.Render(text));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
