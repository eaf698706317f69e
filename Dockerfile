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
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xss4m", \
            "-cp", "/app/lib/*", "dev.smelter.video.cli.Main"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3001", "--data-dir", "/data"]
