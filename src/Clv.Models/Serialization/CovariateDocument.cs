using System.Text.Json.Nodes;
using Clv.Models.Covariates;

namespace Clv.Models.Serialization;

/// <summary>
/// The covariate part of a model file: the coefficients (<c>"coefficients": {"purchase.x": …}</c>, kept apart from the base
/// parameters, which must be &gt; 0), what was fitted (<c>"covariates": {"purchase": […], "life": […], "constrained": […],
/// "purchase_penalty": λ, "life_penalty": λ, "categorical": {"column": {"reference": …, "levels": […]}}}</c>) and the encoding
/// of every categorical column a coefficient uses, so that predictions read a covariate file into the same dummies.
/// </summary>
/// <param name="Spec">The fitted spec: covariates of each process, constraints and penalties.</param>
/// <param name="Coefficients">Coefficient values by name (<see cref="CovariateSpec.CoefficientName"/>), in the fit's order.</param>
/// <param name="Categorical">The encoding of each categorical column the coefficients use.</param>
public sealed record CovariateDocument(CovariateSpec Spec, IReadOnlyList<KeyValuePair<string, double>> Coefficients, IReadOnlyList<CategoricalCovariate> Categorical)
{
    /// <summary>The document of a fit on <paramref name="table"/>.</summary>
    public static CovariateDocument From<TParameters>(FittedCovariateModel<TParameters> fit, CovariateTable table) where TParameters : struct, IPurchaseModel
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(table);
        var used = fit.Coefficients.Select(c => c.Covariate).ToHashSet(StringComparer.Ordinal);
        return new CovariateDocument(fit.Spec, [.. fit.Coefficients.Select(c => new KeyValuePair<string, double>(c.Name, c.Value))],
            [.. table.Categorical.Where(c => c.DummyNames.Any(used.Contains))]);
    }

    /// <summary>The coefficients as the predictor takes them, with the standard errors and intervals the file has (NaN otherwise).</summary>
    /// <param name="estimate">The fit statistics of the file, when it has them (standard errors and intervals by name).</param>
    public IReadOnlyList<CovariateCoefficient> ToCoefficients(Estimation.MaximumLikelihoodEstimate? estimate = null) =>
        [.. Coefficients.Select(c =>
        {
            var (process, covariate) = Parse(c.Key);
            var e = estimate?.Parameters.FirstOrDefault(p => p.Name == c.Key);
            return new CovariateCoefficient(c.Key, covariate, process, c.Value, e?.StandardError ?? double.NaN, e?.Lower ?? double.NaN, e?.Upper ?? double.NaN);
        })];

    /// <summary>
    /// How to read a covariate file for this model: only the columns its coefficients use (numeric covariates and categorical
    /// source columns), the categorical ones with their fitted levels.
    /// </summary>
    /// <param name="idColumn">The customer id column, or null to detect it.</param>
    public CovariateCsvOptions CsvOptions(string? idColumn = null)
    {
        var dummies = Categorical.SelectMany(c => c.DummyNames).ToHashSet(StringComparer.Ordinal);
        var numeric = Coefficients.Select(c => Parse(c.Key).Covariate).Where(v => !dummies.Contains(v));
        return new CovariateCsvOptions
        {
            IdColumn = idColumn,
            Columns = [.. numeric.Concat(Categorical.Select(c => c.Column)).Distinct(StringComparer.Ordinal)],
            FixedCategories = Categorical,
        };
    }

    /// <summary>Process and covariate of a coefficient name <c>purchase.x</c>, <c>life.x</c> or <c>constr.x</c>.</summary>
    /// <exception cref="FormatException">The name has none of these prefixes or no covariate.</exception>
    public static (CovariateProcess Process, string Covariate) Parse(string coefficientName)
    {
        ArgumentNullException.ThrowIfNull(coefficientName);
        foreach (var process in new[] { CovariateProcess.Purchase, CovariateProcess.Life, CovariateProcess.Both })
        {
            string prefix = CovariateSpec.CoefficientName(process, "");
            if (coefficientName.StartsWith(prefix, StringComparison.Ordinal) && coefficientName.Length > prefix.Length)
                return (process, coefficientName[prefix.Length..]);
        }
        throw new FormatException($"'{coefficientName}' is not a coefficient name (purchase.<covariate>, life.<covariate> or constr.<covariate>)");
    }

    internal void Write(JsonObject root)
    {
        root["coefficients"] = new JsonObject(Coefficients.Select(c => new KeyValuePair<string, JsonNode?>(c.Key, JsonValue.Create(c.Value))));
        root["covariates"] = new JsonObject
        {
            ["purchase"] = Strings(Spec.Purchase),
            ["life"] = Strings(Spec.Life),
            ["constrained"] = Strings(Spec.Constrained),
            ["purchase_penalty"] = Spec.PurchasePenalty,
            ["life_penalty"] = Spec.LifePenalty,
            ["categorical"] = new JsonObject(Categorical.Select(c => new KeyValuePair<string, JsonNode?>(c.Column,
                new JsonObject { ["reference"] = c.ReferenceLevel, ["levels"] = Strings(c.Levels) }))),
        };
    }

    /// <summary>The covariate part of a parsed model file, or null when it has none.</summary>
    internal static CovariateDocument? Read(JsonObject root, string source)
    {
        bool hasCoefficients = root.ContainsKey("coefficients"), hasCovariates = root.ContainsKey("covariates");
        if (!hasCoefficients && !hasCovariates) return null;
        if (root["coefficients"] is not JsonObject cs) throw new ClvDataException(source, null, "coefficients", "expected an object of coefficient values, e.g. {\"purchase.age\": 0.2}, next to \"covariates\"");
        if (root["covariates"] is not JsonObject cv) throw new ClvDataException(source, null, "covariates", "expected an object describing the covariates (purchase, life, constrained, penalties, categorical), next to \"coefficients\"");
        var coefficients = new List<KeyValuePair<string, double>>();
        foreach (var (name, node) in cs)
        {
            if (node is not JsonValue v || !v.TryGetValue<double>(out double value) || !double.IsFinite(value))
                throw new ClvDataException(source, null, $"coefficients.{name}", "expected a finite number");
            try { Parse(name); }
            catch (FormatException e) { throw new ClvDataException(source, null, $"coefficients.{name}", e.Message); }
            coefficients.Add(new(name, value));
        }
        var spec = new CovariateSpec
        {
            Purchase = StringList(cv, "purchase", source),
            Life = StringList(cv, "life", source),
            Constrained = StringList(cv, "constrained", source),
            PurchasePenalty = Penalty(cv, "purchase_penalty", source),
            LifePenalty = Penalty(cv, "life_penalty", source),
        };
        var categorical = new List<CategoricalCovariate>();
        if (cv["categorical"] is { } catNode)
        {
            if (catNode is not JsonObject cats) throw new ClvDataException(source, null, "covariates.categorical", "expected an object {\"column\": {\"reference\": ..., \"levels\": [...]}}");
            foreach (var (column, node) in cats)
            {
                string path = $"covariates.categorical.{column}";
                if (node is not JsonObject c) throw new ClvDataException(source, null, path, "expected {\"reference\": ..., \"levels\": [...]}");
                var levels = StringList(c, "levels", source, path);
                if (c["reference"] is not JsonValue rv || !rv.TryGetValue<string>(out var reference) || !levels.Contains(reference))
                    throw new ClvDataException(source, null, $"{path}.reference", $"expected one of the levels {string.Join(", ", levels)}");
                if (levels.Count < 2 || levels.Distinct(StringComparer.Ordinal).Count() != levels.Count)
                    throw new ClvDataException(source, null, $"{path}.levels", "expected at least two distinct levels");
                categorical.Add(new CategoricalCovariate(column, reference, levels,
                    [.. levels.Where(l => l != reference).Select(l => CovariateTableCsv.DummyName(column, l))]));
            }
        }
        return new CovariateDocument(spec, Consistent(spec, coefficients, categorical, source), categorical);
    }

    /// <summary>
    /// The coefficients in the order the spec gives them (as a fit resolves it: purchase-only, life-only, constrained; a
    /// categorical column standing for its dummies); a coefficient the spec does not give, one it gives that is missing, or a
    /// categorical column no coefficient uses is an error, since predictions use the coefficients and a refit the spec.
    /// </summary>
    private static List<KeyValuePair<string, double>> Consistent(CovariateSpec spec, List<KeyValuePair<string, double>> coefficients,
        List<CategoricalCovariate> categorical, string source)
    {
        List<string> expected = [.. CovariateDesign.Resolve(spec, n => categorical.FirstOrDefault(c => c.Column == n)?.DummyNames ?? [n]).Select(t => t.Name)];
        var byName = coefficients.ToDictionary(c => c.Key, StringComparer.Ordinal);
        string given = expected.Count == 0 ? "none" : string.Join(", ", expected);
        foreach (var c in coefficients)
            if (!expected.Contains(c.Key))
                throw new ClvDataException(source, null, $"coefficients.{c.Key}", $"not a coefficient of the \"covariates\" section, which gives {given}");
        foreach (var name in expected)
            if (!byName.ContainsKey(name))
                throw new ClvDataException(source, null, $"coefficients.{name}", "missing; the \"covariates\" section gives this coefficient");
        var used = coefficients.Select(c => Parse(c.Key).Covariate).ToHashSet(StringComparer.Ordinal);
        foreach (var c in categorical)
            if (!c.DummyNames.Any(used.Contains))
                throw new ClvDataException(source, null, $"covariates.categorical.{c.Column}",
                    $"no coefficient uses its dummies {string.Join(", ", c.DummyNames)}; list only the categorical columns of the model");
        return [.. expected.Select(n => byName[n])];
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static List<string> StringList(JsonObject obj, string name, string source, string? parent = null)
    {
        string path = parent is null ? $"covariates.{name}" : $"{parent}.{name}";
        if (obj[name] is null) return parent is null ? [] : throw new ClvDataException(source, null, path, "missing; expected a list of names");
        if (obj[name] is not JsonArray array) throw new ClvDataException(source, null, path, "expected a list of names");
        var list = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonValue v || !v.TryGetValue<string>(out var s) || s.Length == 0) throw new ClvDataException(source, null, path, "expected a list of non-empty names");
            list.Add(s);
        }
        return list;
    }

    private static double Penalty(JsonObject obj, string name, string source)
    {
        if (obj[name] is null) return 0;
        if (obj[name] is not JsonValue v || !v.TryGetValue<double>(out double value) || !(value >= 0) || !double.IsFinite(value))
            throw new ClvDataException(source, null, $"covariates.{name}", "expected a number >= 0");
        return value;
    }
}
