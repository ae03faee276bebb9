using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Composition;

/// <summary>Outside Development, start-up fails unless <c>Ingest:TokenSigningKey</c> is set: a deployment's tokens need a secret of their own.</summary>
internal sealed class TokenSigningKeyRequired(IHostEnvironment environment) : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options) =>
        environment.IsDevelopment() || !string.IsNullOrEmpty(options.TokenSigningKey)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Set Ingest:TokenSigningKey (Ingest__TokenSigningKey; in Azure, a Key Vault reference) to a secret of at least 32 characters, "
                + $"the same on every host: it signs the continuation tokens the API hands out. Only the Development environment may go without one "
                + $"(this is '{environment.EnvironmentName}').");
}
