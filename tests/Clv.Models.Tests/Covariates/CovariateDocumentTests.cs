using System.Text.Json.Nodes;
using Clv.Models.Covariates;
using Clv.Models.Serialization;

namespace Clv.Models.Tests.Covariates;

/// <summary>The covariate part of a model file (<see cref="CovariateDocument"/>): an exact round trip, and every bad field named by its JSON path.</summary>
public class CovariateDocumentTests
{
    private static readonly CategoricalCovariate Channel = new("channel", "store", ["mail", "store", "web"], ["channel=mail", "channel=web"]);

    private static ModelDocument Document() => new("bg-nbd", [new("r", 0.25), new("alpha", 4.5), new("a", 0.8), new("b", 2.5)])
    {
        Covariates = new CovariateDocument(
            new CovariateSpec { Purchase = ["z1", "channel"], Life = ["z2"], Constrained = ["z3"], PurchasePenalty = 0.01, LifePenalty = 0.25 },
            [new("purchase.z1", -0.123456789012345), new("purchase.channel=mail", 0.5), new("purchase.channel=web", -1e-300), new("life.z2", 2.5), new("constr.z3", -0.75)],
            [Channel]),
    };

    [Fact]
    public void A_covariate_model_file_round_trips_exactly()
    {
        var d = Document();
        string json = d.ToJson();
        var back = ModelDocument.Parse(json, "m.json");
        Assert.Equal(d.Parameters, back.Parameters);
        var (a, b) = (d.Covariates!, back.Covariates!);
        Assert.Equal(a.Coefficients, b.Coefficients);
        Assert.Equal(-1e-300, b.Coefficients[2].Value);
        Assert.Equal(a.Spec.Purchase, b.Spec.Purchase);
        Assert.Equal(a.Spec.Life, b.Spec.Life);
        Assert.Equal(a.Spec.Constrained, b.Spec.Constrained);
        Assert.Equal((0.01, 0.25), (b.Spec.PurchasePenalty, b.Spec.LifePenalty));
        var c = Assert.Single(b.Categorical);
        Assert.Equal((Channel.Column, Channel.ReferenceLevel), (c.Column, c.ReferenceLevel));
        Assert.Equal(Channel.Levels, c.Levels);
        Assert.Equal(Channel.DummyNames, c.DummyNames);
        Assert.Equal(json, back.ToJson());
        Assert.Null(ModelDocument.Parse(new ModelDocument("bg-nbd", d.Parameters).ToJson(), "plain.json").Covariates);
    }

    [Fact]
    public void Coefficients_given_in_another_order_are_read_in_the_specs_order()
    {
        var root = JsonNode.Parse(Document().ToJson())!.AsObject();
        var shuffled = new JsonObject();
        foreach (var (k, v) in root["coefficients"]!.AsObject().Reverse().ToList()) shuffled[k] = v!.DeepClone();
        root["coefficients"] = shuffled;
        var back = ModelDocument.Parse(root.ToJsonString(), "m.json").Covariates!;
        Assert.Equal(Document().Covariates!.Coefficients, back.Coefficients);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "coefficients", """{"coefficients": 3}""", "expected an object" },
        { "covariates", """{"covariates": []}""", "expected an object" },
        { "coefficients.purchase.z1", """{"coefficients": {"purchase.z1": "x"}}""", "finite number" },
        { "coefficients.z1", """{"coefficients": {"z1": 1}}""", "not a coefficient name" },
        { "coefficients.life.z2", """{"remove": "life.z2"}""", "missing" },
        { "coefficients.life.z9", """{"coefficients": {"life.z9": 1}}""", "not a coefficient of the \"covariates\" section" },
        { "covariates.purchase", """{"covariates": {"purchase": ["z1", 5]}}""", "non-empty names" },
        { "covariates.life", """{"covariates": {"life": "z2"}}""", "list of names" },
        { "covariates.life_penalty", """{"covariates": {"life_penalty": -1}}""", ">= 0" },
        { "covariates.categorical.channel.reference", """{"covariates": {"categorical": {"channel": {"reference": "shop", "levels": ["mail", "store", "web"]}}}}""", "one of the levels mail, store, web" },
        { "covariates.categorical.channel.levels", """{"covariates": {"categorical": {"channel": {"reference": "mail", "levels": ["mail"]}}}}""", "two distinct" },
        { "covariates.categorical.channel.levels", """{"covariates": {"categorical": {"channel": {"reference": "mail", "levels": ["mail", "web", "mail"]}}}}""", "two distinct" },
        { "covariates.categorical.shop", """{"covariates": {"categorical": {"channel": {"reference": "store", "levels": ["mail", "store", "web"]}, "shop": {"reference": "a", "levels": ["a", "b"]}}}}""", "no coefficient uses" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_covariate_section_names_its_json_path(string path, string change, string problem)
    {
        var root = JsonNode.Parse(Document().ToJson())!.AsObject();
        var patch = JsonNode.Parse(change)!.AsObject();
        if (patch["remove"] is { } removed) root["coefficients"]!.AsObject().Remove((string)removed!);
        foreach (var key in new[] { "coefficients", "covariates" })
        {
            if (patch[key] is not { } value) continue;
            if (value is JsonObject o && root[key] is JsonObject target)
                foreach (var (k, v) in o.ToList()) target[k] = v?.DeepClone();
            else root[key] = value.DeepClone();
        }
        var e = Assert.Throws<ClvDataException>(() => ModelDocument.Parse(root.ToJsonString(), "bad.json"));
        Assert.Equal("bad.json", e.Source);
        Assert.Equal(path, e.Column);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Coefficients_without_a_covariates_section_or_the_reverse_are_errors()
    {
        var root = JsonNode.Parse(Document().ToJson())!.AsObject();
        root.Remove("covariates");
        Assert.Equal("covariates", Assert.Throws<ClvDataException>(() => ModelDocument.Parse(root.ToJsonString(), "a.json")).Column);
        root = JsonNode.Parse(Document().ToJson())!.AsObject();
        root.Remove("coefficients");
        Assert.Equal("coefficients", Assert.Throws<ClvDataException>(() => ModelDocument.Parse(root.ToJsonString(), "b.json")).Column);
    }
}
