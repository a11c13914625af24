plugins { id("java-library") }
