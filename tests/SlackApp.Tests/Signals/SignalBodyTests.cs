using System.Text;
using System.Text.Json.Nodes;
using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Signals;

public sealed class SignalBodyTests
{
    private static SignalBody Read(JsonNode body) => SignalBody.Read(body.Utf8());

    private static SignalBody Read(string body) => SignalBody.Read(Encoding.UTF8.GetBytes(body));

    private static string OnlyError(SignalBody body)
    {
        Assert.Equal(SignalBodyOutcome.Invalid, body.Outcome);
        Assert.Empty(body.Signals);
        return Assert.Single(body.Errors).Key;
    }

    [Fact]
    public void Contract_example_reads_into_every_field()
    {
        var body = Read(SignalPayloads.NewHire());

        var signal = Assert.Single(body.Signals).Signal;
        Assert.Equal(SignalBodyOutcome.Valid, body.Outcome);
        Assert.Equal("sig_2Kx9a7", signal.Id);
        Assert.Equal(SignalType.NewHire, signal.Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 4, 5, TimeSpan.Zero), signal.OccurredAt);
        Assert.Equal(new SignalPerson
        {
            FullName = "Jane Doe",
            Title = "VP of Sales",
            Seniority = Seniority.Vp,
            Department = "sales",
            Email = "jane.doe@acme.example",
            LinkedinUrl = "https://www.linkedin.com/in/janedoe",
            PreviousCompany = "Globex",
            PreviousTitle = "Director of Sales",
            Relationship = PersonRelationship.Champion,
        }, signal.Person);
        Assert.Equal(new SignalAccount
        {
            Name = "Acme Corp",
            Domain = "acme.example",
            SalesforceId = "0015g00000XyZabAAB",
            Status = AccountStatus.ClosedLost,
            OwnerEmail = "ae@vendor.example",
            CsmEmail = "csm@vendor.example",
            SdrEmail = "sdr@vendor.example",
        }, signal.Account);
    }

    [Fact]
    public void Signal_with_only_required_fields_is_valid()
    {
        var signal = Assert.Single(Read(SignalPayloads.Minimal("sig_min")).Signals).Signal;

        Assert.Equal(SignalType.JobChange, signal.Type);
        Assert.Null(signal.Person.Seniority);
        Assert.Null(signal.Account.Status);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("type")]
    [InlineData("occurred_at")]
    [InlineData("person")]
    [InlineData("account")]
    [InlineData("person.full_name")]
    [InlineData("account.name")]
    public void Missing_required_field_is_named(string path)
    {
        Assert.Equal(path, OnlyError(Read(SignalPayloads.NewHire().With(path, null))));
    }

    [Theory]
    [InlineData("person.full_name")]
    [InlineData("account.name")]
    public void Blank_required_name_is_refused(string path)
    {
        Assert.Equal(path, OnlyError(Read(SignalPayloads.NewHire().With(path, "  "))));
    }

    [Fact]
    public void Id_of_128_characters_is_accepted_and_of_129_refused()
    {
        Assert.Equal(SignalBodyOutcome.Valid, Read(SignalPayloads.NewHire(new string('a', 128))).Outcome);
        Assert.Equal("id", OnlyError(Read(SignalPayloads.NewHire(new string('a', 129)))));
    }

    [Fact]
    public void Empty_id_is_refused()
    {
        Assert.Equal("id", OnlyError(Read(SignalPayloads.NewHire(""))));
    }

    [Fact]
    public void Id_that_is_not_a_string_is_refused()
    {
        Assert.Equal("id", OnlyError(Read(SignalPayloads.NewHire().With("id", 42))));
    }

    [Fact]
    public void Unknown_type_is_refused_listing_the_allowed_ones()
    {
        var body = Read(SignalPayloads.NewHire().With("type", "new_job"));

        Assert.Equal("type", OnlyError(body));
        Assert.Contains("job_change, new_hire, promotion, contact_left", body.Errors["type"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("job_change", SignalType.JobChange)]
    [InlineData("new_hire", SignalType.NewHire)]
    [InlineData("promotion", SignalType.Promotion)]
    [InlineData("contact_left", SignalType.ContactLeft)]
    public void Every_contract_type_is_read(string wire, SignalType expected)
    {
        Assert.Equal(expected, Assert.Single(Read(SignalPayloads.NewHire().With("type", wire)).Signals).Signal.Type);
    }

    [Theory]
    [InlineData("2026-11-20T15:04:05")]
    [InlineData("2026-11-20 15:04:05Z")]
    [InlineData("2026-11-20")]
    [InlineData("2026-02-30T15:04:05Z")]
    [InlineData("20 Nov 2026 15:04:05 +0000")]
    [InlineData("1763651045")]
    public void Occurred_at_without_an_offset_or_not_ISO_8601_is_refused(string occurredAt)
    {
        Assert.Equal("occurred_at", OnlyError(Read(SignalPayloads.NewHire().With("occurred_at", occurredAt))));
    }

    [Theory]
    [InlineData("2026-11-20T15:04:05Z", 15, 0)]
    [InlineData("2026-11-20T20:34:05+05:30", 20, 330)]
    [InlineData("2026-11-20T10:04:05.123-05:00", 10, -300)]
    [InlineData("2026-11-20T20:34:05+0530", 20, 330)]
    public void Occurred_at_keeps_its_instant_and_offset(string occurredAt, int hour, int offsetMinutes)
    {
        var signal = Assert.Single(Read(SignalPayloads.NewHire().With("occurred_at", occurredAt)).Signals).Signal;

        Assert.Equal(hour, signal.OccurredAt.Hour);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), signal.OccurredAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 4, 5, TimeSpan.Zero), signal.OccurredAt.AddMilliseconds(-signal.OccurredAt.Millisecond));
    }

    [Theory]
    [InlineData("person.seniority", "senior_vp")]
    [InlineData("person.seniority", "VP")]
    [InlineData("person.relationship", "friend")]
    [InlineData("account.status", "churned")]
    public void Value_outside_its_enum_is_refused(string path, string value)
    {
        Assert.Equal(path, OnlyError(Read(SignalPayloads.NewHire().With(path, value))));
    }

    [Fact]
    public void Every_contract_seniority_status_and_relationship_is_read()
    {
        foreach (var (seniority, status, relationship) in new[]
        {
            ("individual_contributor", "customer", "champion"), ("manager", "open_opportunity", "buyer"),
            ("director", "closed_lost", "user"), ("vp", "target", "prospect"), ("c_level", "other", "other"),
        })
        {
            var body = Read(SignalPayloads.NewHire().With("person.seniority", seniority).With("account.status", status).With("person.relationship", relationship));
            Assert.Equal(SignalBodyOutcome.Valid, body.Outcome);
        }
    }

    [Theory]
    [InlineData("http://www.linkedin.com/in/janedoe")]
    [InlineData("linkedin.com/in/janedoe")]
    [InlineData("javascript:alert(1)")]
    public void Linkedin_url_that_is_not_https_is_refused(string url)
    {
        Assert.Equal("person.linkedin_url", OnlyError(Read(SignalPayloads.NewHire().With("person.linkedin_url", url))));
    }

    [Theory]
    [InlineData("0015g00000XyZab")]
    [InlineData("0015g00000XyZabAAB")]
    public void Salesforce_id_of_15_or_18_characters_is_accepted(string id)
    {
        Assert.Equal(id, Assert.Single(Read(SignalPayloads.NewHire().With("account.salesforce_id", id)).Signals).Signal.Account.SalesforceId);
    }

    [Theory]
    [InlineData("0015g00000XyZa")]
    [InlineData("0015g00000XyZabA")]
    [InlineData("0015g00000XyZabAABC")]
    [InlineData("0015g00000/../abAA")]
    public void Salesforce_id_of_another_length_or_with_symbols_is_refused(string id)
    {
        Assert.Equal("account.salesforce_id", OnlyError(Read(SignalPayloads.NewHire().With("account.salesforce_id", id))));
    }

    [Theory]
    [InlineData("person.email")]
    [InlineData("account.owner_email")]
    [InlineData("account.csm_email")]
    [InlineData("account.sdr_email")]
    public void Implausible_email_is_refused(string path)
    {
        foreach (var email in new[] { "jane.doe", "jane@", "@acme.example", "jane doe@acme.example", "jane@acme", "a@b@acme.example" })
        {
            Assert.Equal(path, OnlyError(Read(SignalPayloads.NewHire().With(path, email))));
        }
    }

    [Fact]
    public void Optional_fields_that_are_null_or_empty_count_as_absent()
    {
        var body = Read(SignalPayloads.NewHire().With("person.email", "").With("person.seniority", JsonValue.Create((string?)null)).With("account.status", ""));

        var signal = Assert.Single(body.Signals).Signal;
        Assert.Null(signal.Person.Email);
        Assert.Null(signal.Person.Seniority);
        Assert.Null(signal.Account.Status);
    }

    [Fact]
    public void Unknown_fields_are_ignored_everywhere()
    {
        var body = Read(SignalPayloads.NewHire()
            .With("source", "crm-sync").With("score", 0.93)
            .With("person.phone", "+1 555 0100").With("account.employees", new JsonObject { ["count"] = 1200 }));

        Assert.Equal(SignalBodyOutcome.Valid, body.Outcome);
    }

    [Fact]
    public void Every_bad_field_of_a_signal_is_named_at_once()
    {
        var body = Read(SignalPayloads.NewHire()
            .With("type", "nope").With("person.full_name", null).With("person.email", "nope").With("account.salesforce_id", "short"));

        Assert.Equal(
            ["account.salesforce_id", "person.email", "person.full_name", "type"],
            body.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Wrongly_typed_objects_are_named()
    {
        var body = Read(SignalPayloads.NewHire().With("person", "Jane Doe").With("account", new JsonArray()));

        Assert.Equal(["account", "person"], body.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Batch_with_one_bad_signal_names_it_by_index_and_accepts_none()
    {
        var signals = Enumerable.Range(0, 5).Select(i => (JsonNode)SignalPayloads.NewHire($"sig_{i}")).ToList();
        ((JsonObject)signals[3]).With("person.full_name", null).With("account.status", "churned");

        var body = Read(SignalPayloads.Batch(signals));

        Assert.Equal(SignalBodyOutcome.Invalid, body.Outcome);
        Assert.Empty(body.Signals);
        Assert.Equal(["signals[3].account.status", "signals[3].person.full_name"], body.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Batch_entry_that_is_not_an_object_is_named()
    {
        var body = Read(SignalPayloads.Batch([SignalPayloads.Minimal("sig_1"), JsonValue.Create("sig_2")]));

        Assert.Equal("signals[1]", OnlyError(body));
    }

    [Fact]
    public void Batch_of_500_is_accepted_in_order()
    {
        var body = Read(SignalPayloads.Batch(500));

        Assert.Equal(SignalBodyOutcome.Valid, body.Outcome);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"sig_{i}"), body.Signals.Select(s => s.Signal.Id));
    }

    [Fact]
    public void Batch_of_501_is_too_many()
    {
        var body = Read(SignalPayloads.Batch(501));

        Assert.Equal(SignalBodyOutcome.TooManySignals, body.Outcome);
        Assert.Empty(body.Signals);
    }

    [Theory]
    [InlineData("""{"signals": []}""")]
    [InlineData("""{"signals": {"id": "sig_1"}}""")]
    [InlineData("""{"signals": null}""")]
    public void Batch_that_is_not_a_non_empty_array_is_refused(string json)
    {
        Assert.Equal("signals", OnlyError(Read(json)));
    }

    [Theory]
    [InlineData("{\"id\": \"sig_1\",")]
    [InlineData("not json")]
    [InlineData("")]
    public void Malformed_json_is_told_apart(string json)
    {
        Assert.Equal(SignalBodyOutcome.MalformedJson, Read(json).Outcome);
    }

    [Fact]
    public void Invalid_utf8_is_malformed_json()
    {
        byte[] body = [.. "{\"id\": \""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Equal(SignalBodyOutcome.MalformedJson, SignalBody.Read(body).Outcome);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"sig_1\"")]
    [InlineData("42")]
    public void Json_that_is_not_an_object_is_not_a_signal(string json)
    {
        Assert.Equal(SignalBodyOutcome.NotASignal, Read(json).Outcome);
    }

    [Fact]
    public void Raw_json_is_each_object_exactly_as_sent()
    {
        const string first = """{ "id":"sig_1", "type":"promotion","occurred_at":"2026-11-20T15:04:05-08:00", "x-extra": [1, 2],"person":{"full_name":"Ann \u00e9"},"account":{"name":"Acme"} }""";
        const string second = """{"id":"sig_2","type":"new_hire","occurred_at":"2026-11-20T15:04:05Z","person":{"full_name":"Bo"},"account":{"name":"Acme"}}""";

        var body = Read($"{{\n  \"signals\": [ {first},\n {second} ]\n}}");

        Assert.Equal([first, second], body.Signals.Select(s => s.RawJson));
    }

    [Fact]
    public void Lone_signal_keeps_its_raw_json_and_a_byte_order_mark_is_tolerated()
    {
        var json = SignalPayloads.NewHire().ToJsonString();
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];

        var body = SignalBody.Read(withBom);

        Assert.Equal(json, Assert.Single(body.Signals).RawJson);
    }

    [Fact]
    public void Stored_signal_reads_back_the_same()
    {
        var incoming = Assert.Single(Read(SignalPayloads.NewHire()).Signals);

        Assert.Equal(incoming.Signal, SignalReader.ReadStored(incoming.RawJson));
    }
}
