"""Pages of the movements app (Vietnamese). Views bind a form, call one service, redirect."""
