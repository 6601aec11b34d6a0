from example import program

program()
