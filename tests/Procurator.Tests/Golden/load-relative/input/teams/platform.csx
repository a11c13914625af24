// The platform team's shared services.
public static class Platform
{
    public static ServiceBuilder Database { get; } = Service("postgres").Version("15");
}

Service("redis").Port(6380).Port(6380);
Project("gateway").DependsOn("redis").DependsOn("missing");
