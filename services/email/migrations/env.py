from services.kit.db import alembic_env
from services.email.models import Base

alembic_env(Base.metadata)
