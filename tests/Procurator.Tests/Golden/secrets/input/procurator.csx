// Secrets: only their names reach the generated files; procurator up reads the values.
Project("api")
    .Secret("PAYMENTS_KEY")
    .Secret("SMTP_PASSWORD", fromCommand: "pass show shop/smtp")
    .Env("LOG_LEVEL", "info")
    .Process("web", "npm start");
