Project("My_Api");
Project("2fast");
Service("Redis Cache").Kind("redis").Port(6380);
Shell("back end", "2fast");
Project("ok").Process("Web Server", "npm start");
External("Auth", "github:acme/auth");
Project("default");
Project("newline-at-end\n");
