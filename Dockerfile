# The standalone host as a container image (non-root, with a health check).
#   docker build -t ingest-host .
#   docker run -p 8080:8080 -e AzureWebJobsStorage="<connection string>" \
#     -e Ingest__TokenSigningKey="<32+ characters>" -e Ingest__ApiKey="<key>" ingest-host
# or, with an identity: -e AzureWebJobsStorage__accountName=<account> (and the Azure credential variables).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Ingest.Host -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Two malloc arenas, not glibc's eight per core: memory freed on one thread's arena is not reused by another's, and a
# burst of large files left tens of megabytes resident that way (docs/performance.md, "Native memory").
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    MALLOC_ARENA_MAX=2
EXPOSE 8080
# The image's own non-root user.
USER $APP_UID
# Liveness from inside the container, without curl: the host binary probes its own /api/health/live.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "Ingest.Host.dll", "probe", "http://127.0.0.1:8080/api/health/live"]
ENTRYPOINT ["dotnet", "Ingest.Host.dll"]
