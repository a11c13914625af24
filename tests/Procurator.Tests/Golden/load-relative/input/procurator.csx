#load "teams/platform.csx"

Workspace.Name("loaded");
Project("api").DependsOn(Platform.Database).Port(8080);
Project("billing").DependsOn("postgres", "nope");
