using System.Text.Json;
using System.Text.Json.Nodes;
using Clv.Models.Estimation;

namespace Clv.Models.Serialization;

/// <summary>
/// A fitted model as a JSON document: <c>{"model": "bg-nbd", "parameters": {"r": …}, "log_likelihood": …,
/// "standard_errors": {…}, "intervals": {…}, …}</c>. Reading needs only <c>model</c> and <c>parameters</c> (and, for a model
/// with covariates, <c>coefficients</c> and <c>covariates</c>: <see cref="CovariateDocument"/>); the rest records how the
/// model was fitted. Numbers are written with round-trip precision.
/// </summary>
/// <param name="Model">Model name, e.g. "bg-nbd".</param>
/// <param name="Parameters">Parameter values by name, in the model's order.</param>
/// <param name="Estimate">The fit's statistics, when the document comes from a fit.</param>
/// <param name="Covariates">Coefficients and covariate encoding of a model with static covariates; null for none.</param>
public sealed record ModelDocument(string Model, IReadOnlyList<KeyValuePair<string, double>> Parameters, MaximumLikelihoodEstimate? Estimate = null,
    CovariateDocument? Covariates = null)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The JSON text of this document.</summary>
    public string ToJson()
    {
        var root = new JsonObject { ["model"] = Model, ["parameters"] = Object(Parameters.Select(p => (p.Key, p.Value))) };
        Covariates?.Write(root);
        if (Estimate is { } e)
        {
            root["log_likelihood"] = e.LogLikelihood;
            root["aic"] = e.Aic;
            root["bic"] = e.Bic;
            root["observations"] = e.Observations;
            root["standard_errors"] = Object(e.Parameters.Select(p => (p.Name, p.StandardError)));
            root["confidence_level"] = e.ConfidenceLevel;
            root["intervals"] = new JsonObject(e.Parameters.Select(p =>
                new KeyValuePair<string, JsonNode?>(p.Name, new JsonArray(Number(p.Lower), Number(p.Upper)))));
            root["penalizer"] = e.Penalizer;
            root["converged"] = e.Convergence.Converged;
            root["iterations"] = e.Convergence.Iterations;
            root["gradient_norm"] = Number(e.Convergence.GradientNorm);
            if (e.Warnings.Count > 0) root["warnings"] = new JsonArray([.. e.Warnings.Select(w => (JsonNode?)w)]);
        }
        root["created_by"] = $"Clv.Models {typeof(ModelDocument).Assembly.GetName().Version?.ToString(3)}";
        return root.ToJsonString(Indented);
    }

    /// <summary>Reads a model document; <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="ClvDataException">The text is not JSON, or <c>model</c> or <c>parameters</c> is missing or invalid.</exception>
    public static ModelDocument Parse(string json, string source)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new ClvDataException(source, e.LineNumber + 1, null, $"not a valid JSON model file ({e.Message.Split('.')[0]})"); }
        if (root is not JsonObject obj) throw new ClvDataException(source, null, null, "expected a JSON object with 'model' and 'parameters'");
        if (obj["model"] is not JsonValue mv || !mv.TryGetValue<string>(out var model) || string.IsNullOrWhiteSpace(model))
            throw new ClvDataException(source, null, "model", "expected a string naming the model, e.g. \"bg-nbd\"");
        if (obj["parameters"] is not JsonObject ps || ps.Count == 0)
            throw new ClvDataException(source, null, "parameters", "expected an object of parameter values, e.g. {\"r\": 0.24, ...}");
        var parameters = new List<KeyValuePair<string, double>>();
        foreach (var (name, node) in ps)
        {
            if (node is not JsonValue v || !v.TryGetValue<double>(out var value) || !double.IsFinite(value))
                throw new ClvDataException(source, null, $"parameters.{name}", "expected a finite number");
            parameters.Add(new(name, value));
        }
        return new ModelDocument(model, parameters, Covariates: CovariateDocument.Read(obj, source));
    }

    /// <summary>Reads a model document from a file.</summary>
    public static ModelDocument Load(string path)
    {
        if (!File.Exists(path)) throw new ClvDataException(path, null, null, "model file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The values of the named parameters in the given order.</summary>
    /// <param name="names">Parameter names the model needs.</param>
    /// <param name="source">File name for error messages.</param>
    /// <exception cref="ClvDataException">A parameter is missing, unexpected, or not &gt; 0.</exception>
    public double[] Require(IReadOnlyList<string> names, string source)
    {
        var values = new double[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            int k = Parameters.ToList().FindIndex(p => p.Key == names[i]);
            if (k < 0) throw new ClvDataException(source, null, $"parameters.{names[i]}", $"missing; a {Model} model needs {string.Join(", ", names)}");
            values[i] = Parameters[k].Value;
            if (!(values[i] > 0)) throw new ClvDataException(source, null, $"parameters.{names[i]}", $"expected a number > 0 but got {values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        foreach (var p in Parameters)
            if (!names.Contains(p.Key)) throw new ClvDataException(source, null, $"parameters.{p.Key}", $"not a parameter of {Model} (expected {string.Join(", ", names)})");
        return values;
    }

    private static JsonObject Object(IEnumerable<(string Name, double Value)> values) =>
        new(values.Select(v => new KeyValuePair<string, JsonNode?>(v.Name, Number(v.Value))));

    private static JsonValue? Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;
}
