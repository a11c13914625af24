Project("api")
    .Env("TOKEN", "plain")
    .Secret("TOKEN")
    .Secret("2FA")
    .Secret("KEY", fromCommand: " ");
