from django.contrib.admin.apps import AdminConfig


class NoticeAdminConfig(AdminConfig):
    default_site = "config.admin.NoticeAdminSite"
