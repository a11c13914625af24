Project("api");
Project("api");
Service("worker").Kind("redis");
Project("worker");
Shell("api", "worker");
Shell("both", "api");
Shell("both", "worker");
Project("jobs").Process("run", "make run").Process("run", "make again");
