"""Files on disk: discovery (gitignore, excludes, the folder-listing cache), reading source
safely, writing atomically, paths as reports show them."""
