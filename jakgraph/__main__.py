import sys

from jakgraph.cli import main

sys.exit(main())
