# smelter-video: one image for the API node (`serve`), render workers (`worker`) and the CLI.
# Build:  docker build -t smelter-video .
# Run:    docker run -p 3001:3001 -v smelter-data:/data smelter-video
# See docs/deploy.md (compose file, Kubernetes manifests, GPU notes).

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
# Every runtime jar of the CLI (which includes the service) in one folder: the service starts its
# render worker JVMs on its own class path, so a flat folder is all the runtime needs.
RUN mvn -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
 && mkdir -p /app/lib \
 && cp cli/target/dependency/*.jar cli/target/cli-*.jar /app/lib/

FROM eclipse-temurin:25-jre
# Skia links libEGL/libGL and fontconfig; Mesa gives a software GL (llvmpipe) where no GPU is
# mounted. FFmpeg comes inside the jars (JavaCPP), so no system ffmpeg is installed.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libegl1 libgl1 libegl-mesa0 libgl1-mesa-dri libfontconfig1 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/lib /app/lib
RUN useradd --system --uid 10001 --home-dir /data smelter && mkdir -p /data && chown smelter /data
USER smelter
# With the NVIDIA container toolkit, "graphics" mounts the driver's EGL (Skia GL on the GPU).
ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility,graphics,video
VOLUME /data
EXPOSE 3001
# JVM and glibc settings as the launcher sets them, from the same file (deploy/jvm.env through
# deploy/jvm-options.sh; docs/deploy.md, "JVM and glibc settings"): two malloc arenas and large blocks
# returned at once (render children inherit these), the serial collector, crash reports in /tmp, and
# for `serve`/`worker` a bounded heap and direct memory (SMELTER_SERVICE_HEAP /
# SMELTER_SERVICE_DIRECT_MEMORY, 512m / 256m by default). SMELTER_JAVA_OPTS comes last.
COPY deploy/jvm.env deploy/jvm-options.sh deploy/entrypoint.sh /app/
ENTRYPOINT ["bash", "/app/entrypoint.sh"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3001", "--data-dir", "/data"]
