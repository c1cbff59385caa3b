# mpgov application image. Build the jar first (./mvnw -B -DskipTests package), then: docker build -t mpgov .
# It chooses no profile: run it with SPRING_PROFILES_ACTIVE=aws (and the administrator, see README) or =demo;
# without one it refuses to start.
FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 mpgov
COPY target/mpgov.jar /app/mpgov.jar
USER mpgov
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/mpgov.jar"]
