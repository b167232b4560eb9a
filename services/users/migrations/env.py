from services.kit.db import alembic_env
from services.users.models import Base

alembic_env(Base.metadata)
