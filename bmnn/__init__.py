"""bmnn — quản lý công tác bảo vệ bí mật nhà nước."""

__version__ = "0.1.0"
