using System.Collections.Generic;

namespace SecurityRequirements.Attestation.Json;

/// <summary>A JSON array; items are the values <see cref="JsonObject"/> describes.</summary>
public sealed class JsonArray : List<object?>
{
}
