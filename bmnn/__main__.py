import sys

from bmnn.cli import main

sys.exit(main())
