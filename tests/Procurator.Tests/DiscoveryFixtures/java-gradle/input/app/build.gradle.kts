plugins { id("application") }
