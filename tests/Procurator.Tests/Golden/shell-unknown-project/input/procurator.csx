Project("api");
Project("worker");
Service("redis");
Shell("backend", "api", "wroker");
Shell("cache", "redis");
Shell("empty");
