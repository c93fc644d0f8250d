from kumppani.cli import main

main()
