# syntax=docker/dockerfile:1
# One image recipe for the six Spring Boot services. Build from the repository root, naming the module and its port:
#   docker build --build-arg MODULE=concert-service --build-arg PORT=8082 -t ticketing/concert-service:local .
# docker-compose.yml does this for each service (build.args).
ARG MODULE
ARG PORT=8080

FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# -am builds the modules $MODULE needs from this same checkout (nothing is installed beforehand);
# the cache mount keeps Maven and the downloaded dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$MODULE" || { echo "set --build-arg MODULE=<service module>, e.g. gateway" >&2; exit 1; }; \
    sh ./mvnw -B -ntp -pl "$MODULE" -am package -Dmaven.test.skip=true \
 && java -Djarmode=tools -jar "$MODULE/target/$MODULE.jar" extract --layers --launcher --destination /workspace/extracted

FROM eclipse-temurin:21-jre
ARG PORT
# /var/lib/ticketing: state a service keeps across restarts (analytics-service's Kafka Streams stores), on a
# volume in docker-compose.yml. Owned by the service user here, since a new volume starts out with the owner of
# the directory it is mounted on.
RUN groupadd --system ticketing && useradd --system --gid ticketing --no-create-home ticketing \
 && mkdir -p /var/lib/ticketing && chown ticketing:ticketing /var/lib/ticketing
WORKDIR /app
# Least often changed layers first, so a code change rebuilds only the last one.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER ticketing
EXPOSE ${PORT}
# Heap sized from the container's memory limit, with room left for what lives outside it: metaspace,
# direct (Netty, socket) buffers and compiled code are capped, so that together with the heap they fit the
# limit in docker-compose.yml (its x-app-service comment has the sums). On OutOfMemoryError exit and let the
# restart policy start a clean JVM rather than limp on. Extra flags: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:MaxMetaspaceSize=160m", "-XX:MaxDirectMemorySize=64m", \
            "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
