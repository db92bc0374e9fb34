# apigwlint as a container image. Built from the release's static linux
# binaries, never compiled here: `go run ./internal/tools/release -docker`
# writes the build context (dist/docker: this file and linux/<arch>/apigwlint),
# and the release workflow runs
#   docker buildx build --platform linux/amd64,linux/arm64 dist/docker
#
#   docker run --rm -v "$PWD:/src" -w /src ghcr.io/apigwlint/apigwlint:v1.2.3 lint .
#
# distroless/static: no shell, no package manager; it has /tmp, CA
# certificates and a non-root user (65532) whose HOME holds the result cache.
FROM gcr.io/distroless/static-debian12:nonroot
ARG TARGETARCH
COPY linux/${TARGETARCH}/apigwlint /usr/local/bin/apigwlint
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["apigwlint"]
CMD ["lint", "."]
