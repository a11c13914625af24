#r "nuget: Newtonsoft.Json, 13.0.1"
Project("api");
