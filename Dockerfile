# The runnable jar in a container (issue 17; docs/deploy.md). Build the jar first:
#   ./mvnw -DskipTests package && docker build -t kap-clinic .
# Eclipse Temurin's JRE 17, the runtime the project targets; the app runs as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app kap
WORKDIR /app
COPY target/kap-clinic-*-SNAPSHOT.jar /app/kap-clinic.jar
USER 10001
EXPOSE 8080
# Spring Boot's graceful shutdown answers SIGTERM (docker stop): requests in flight finish.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/kap-clinic.jar"]
