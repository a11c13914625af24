var pg15 = Service("postgres").Version("15");
Project("api").DependsOn(pg15);
var pg14 = Service("postgres").Version("14");
Project("billing").DependsOn(pg14);

// Separate instances on separate ports are fine.
var legacy = Service("postgres-legacy").Kind("postgres").Version("12").Port(5433);
Project("reports").DependsOn(legacy).DependsOn(pg15);
