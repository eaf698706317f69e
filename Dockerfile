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
# Memory as the launcher sets it (docs/service.md, "Memory"): two malloc arenas, large blocks returned
# at once (render children inherit these), and for the service process a bounded heap and direct
# memory, SMELTER_SERVICE_HEAP / SMELTER_SERVICE_DIRECT_MEMORY (512m / 256m by default).
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
ENTRYPOINT ["sh", "-c", "case \"$1\" in serve|worker) M=\"-Xmx${SMELTER_SERVICE_HEAP:-512m} -XX:MaxDirectMemorySize=${SMELTER_SERVICE_DIRECT_MEMORY:-256m} -XX:MaxMetaspaceSize=256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30\";; *) M=;; esac; exec java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xss4m -XX:+UseSerialGC -Xms16m $M $SMELTER_JAVA_OPTS -cp '/app/lib/*' dev.smelter.video.cli.Main \"$@\"", "smelter-video"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3001", "--data-dir", "/data"]
