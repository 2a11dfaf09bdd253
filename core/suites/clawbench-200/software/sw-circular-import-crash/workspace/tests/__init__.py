# test package
